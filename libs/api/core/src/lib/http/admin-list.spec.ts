import { likePattern } from './admin-list';

describe('admin list search', () => {
  it('takes %, _ and \\ in the search text literally', () => {
    expect(likePattern('muster')).toBe('%muster%');
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
