import { takeOverOffsets } from './consumer-lag';

describe('takeOverOffsets', () => {
  const group = (topics: string[], committed: Record<string, Record<number, string>>) => ({
    topics,
    committed: Object.entries(committed).map(([topic, partitions]) => ({
      topic,
      partitions: Object.entries(partitions).map(([partition, offset]) => ({ partition: Number(partition), offset })),
    })),
  });
  const partitions = new Map([['org', [0, 1]], ['reform', [0]]]);

  it('takes the lowest offset the former readers of each topic committed, partition by partition', () => {
    const former = [group(['org'], { org: { 0: '40', 1: '7' } }), group(['org', 'reform'], { org: { 0: '12', 1: '9' }, reform: { 0: '3' } })];
    expect(takeOverOffsets(former, partitions)).toEqual([
      { topic: 'org', partition: 0, offset: '12' },
      { topic: 'org', partition: 1, offset: '7' },
      { topic: 'reform', partition: 0, offset: '3' },
    ]);
  });

  it('leaves out a partition one former reader never committed on (it would have read it from the beginning)', () => {
    const former = [group(['org'], { org: { 0: '40' } }), group(['org'], { org: { 0: '12', 1: '-1' } })];
    expect(takeOverOffsets(former, partitions)).toEqual([{ topic: 'org', partition: 0, offset: '12' }]);
  });

  it('takes over nothing when there were no former groups', () => {
    expect(takeOverOffsets([], partitions)).toEqual([]);
  });
});
