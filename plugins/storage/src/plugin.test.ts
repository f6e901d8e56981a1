import { storagePlugin } from './plugin';

describe('storage', () => {
  it('should export plugin', () => {
    expect(storagePlugin).toBeDefined();
  });
});
