import { isLabelValue } from '@eks-storage/backstage-plugin-storage-common';
import { requestIdForStep } from './requestId';

const task = { id: '5f0c1a7e-1d2b-4c3d-9e8f-0a1b2c3d4e5f' };

describe('requestIdForStep', () => {
  it('is the same for every run of a step, and names its task', () => {
    const id = requestIdForStep({ task, step: { id: 'request' } });
    expect(id).toBe(requestIdForStep({ task, step: { id: 'request' } }));
    expect(id.startsWith(`${task.id}-`)).toBe(true);
    expect(isLabelValue(id)).toBe(true);
  });

  it('differs between steps, items of each: and tasks', () => {
    const ids = [
      requestIdForStep({ task, step: { id: 'request' } }),
      requestIdForStep({ task, step: { id: 'other' } }),
      requestIdForStep({ task, step: { id: 'request' }, each: { key: '0' } }),
      requestIdForStep({ task, step: { id: 'request' }, each: { key: '1' } }),
      requestIdForStep({
        task: { id: 'another-task' },
        step: { id: 'request' },
      }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['a dry run', 'dry-run-5f0c1a7e-1d2b-4c3d-9e8f-0a1b2c3d4e5f'],
    ['a long id', 'x'.repeat(80)],
    ['odd characters', '_Task/ID with spaces_'],
  ])('is a label value for %s', (_, id) => {
    expect(isLabelValue(requestIdForStep({ task: { id } }))).toBe(true);
  });
});
