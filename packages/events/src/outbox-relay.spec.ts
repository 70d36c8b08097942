import { bySize } from './outbox-relay';

describe('bySize', () => {
  const length = (text: string) => text.length;

  it('keeps the order and cuts a run before the item that would pass the limit', () => {
    expect(bySize(['aaa', 'bb', 'c', 'dddd', 'e'], length, 6)).toEqual([['aaa', 'bb', 'c'], ['dddd', 'e']]);
  });

  it('sends an item larger than the limit alone, and the rest around it', () => {
    expect(bySize(['a', 'bbbbbbbb', 'c'], length, 4)).toEqual([['a'], ['bbbbbbbb'], ['c']]);
  });

  it('answers no run for no item, and one run when all fit', () => {
    expect(bySize([], length, 4)).toEqual([]);
    expect(bySize(['a', 'b'], length, 4)).toEqual([['a', 'b']]);
  });
});
