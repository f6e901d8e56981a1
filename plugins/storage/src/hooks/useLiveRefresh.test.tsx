import { act, renderHook } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  CATCH_UP_MS,
  FALLBACK_POLL_MS,
  useLiveRefresh,
} from './useLiveRefresh';

describe('useLiveRefresh', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('refreshes on every nudge of its channel and never polls while signals work', () => {
    let deliver: (message: any) => void = () => {};
    const signalApi = {
      subscribe: jest.fn((channel: string, onMessage: any) => {
        expect(channel).toBe('storage');
        deliver = onMessage;
        return { unsubscribe: jest.fn() };
      }),
    };
    const refresh = jest.fn();
    const wrapper = ({ children }: PropsWithChildren) => (
      <TestApiProvider apis={[[signalApiRef, signalApi]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useLiveRefresh(refresh), { wrapper });
    expect(result.current.live).toBe(true);
    expect(refresh).not.toHaveBeenCalled();
    act(() => deliver({ type: 'changed' }));
    expect(refresh).toHaveBeenCalledTimes(1);
    // One catch-up load for changes made while the subscription was opening…
    act(() => jest.advanceTimersByTime(CATCH_UP_MS));
    expect(refresh).toHaveBeenCalledTimes(2);
    // …and then no polling at all.
    act(() => jest.advanceTimersByTime(FALLBACK_POLL_MS * 3));
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('listens on the channel it is given', () => {
    const channels: string[] = [];
    const signalApi = {
      subscribe: (channel: string) => {
        channels.push(channel);
        return { unsubscribe: () => {} };
      },
    };
    const wrapper = ({ children }: PropsWithChildren) => (
      <TestApiProvider apis={[[signalApiRef, signalApi]]}>
        {children}
      </TestApiProvider>
    );
    renderHook(
      () =>
        useLiveRefresh(jest.fn(), {
          channel: 'storage:entity:component:default/payments-api',
        }),
      { wrapper },
    );
    expect(channels).toEqual(['storage:entity:component:default/payments-api']);
  });

  it('polls slowly without signals', () => {
    const refresh = jest.fn();
    const wrapper = ({ children }: PropsWithChildren) => (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(() => useLiveRefresh(refresh), {
      wrapper,
    });
    expect(result.current.live).toBe(false);
    act(() => jest.advanceTimersByTime(FALLBACK_POLL_MS - 1));
    expect(refresh).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('retries a failed load soon, even with signals', () => {
    const refresh = jest.fn();
    const signalApi = { subscribe: () => ({ unsubscribe: () => {} }) };
    const wrapper = ({ children }: PropsWithChildren) => (
      <TestApiProvider apis={[[signalApiRef, signalApi]]}>
        {children}
      </TestApiProvider>
    );
    renderHook(() => useLiveRefresh(refresh, { failed: true }), {
      wrapper,
    });
    act(() => jest.advanceTimersByTime(10_000));
    // The catch-up load after subscribing, and the retry of the failed one.
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('runs a refresh asked for during a load once the load ends', () => {
    let deliver: (message: any) => void = () => {};
    const signalApi = {
      subscribe: (_channel: string, onMessage: any) => {
        deliver = onMessage;
        return { unsubscribe: () => {} };
      },
    };
    const refresh = jest.fn();
    const wrapper = ({ children }: PropsWithChildren) => (
      <TestApiProvider apis={[[signalApiRef, signalApi]]}>
        {children}
      </TestApiProvider>
    );
    const { rerender } = renderHook(
      ({ loading }) => useLiveRefresh(refresh, { loading }),
      { wrapper, initialProps: { loading: true } },
    );
    act(() => deliver({ type: 'claim', name: 'mine' }));
    expect(refresh).not.toHaveBeenCalled();
    rerender({ loading: false });
    expect(refresh).toHaveBeenCalledTimes(1);
    rerender({ loading: false });
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
