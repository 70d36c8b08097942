import { VIETNAMESE_FIRST } from '@ps/testing';
import { assignmentRowOf, type AssignmentRow } from './assignments.rows';
import { assignmentRepeats } from './assignments.import';
import { ASSIGNMENT_COLUMNS } from './import.columns';

const ORGANIZATION = '5b0c6f47-5d5e-4c8f-9a47-7d4c1a3f0e21';
const SEAT = '0d8c1f5e-2a4b-4f6e-8c1d-3e5f7a9b1c2d';
const GOOD = { 'Số CCCD': ' 074088001234 ', 'Mã tổ chức': ORGANIZATION, 'Mã chức danh': 'COMMUNE_COMMITTEE_VICE_CHAIR', 'Kiêm nhiệm': '', 'Mã ghế': '' };
const row = (changes: Partial<Record<keyof typeof GOOD, string>> = {}) => ({
  row: 5,
  cells: new Map(Object.values(ASSIGNMENT_COLUMNS).map((header) => [header, ({ ...GOOD, ...changes } as Record<string, string>)[header] ?? ''])),
});

describe('assignmentRowOf', () => {
  it('reads a primary post without a seat when Kiêm nhiệm and Mã ghế are blank', () => {
    expect(assignmentRowOf(row())).toEqual({
      value: { row: 5, personalId: '074088001234', organizationId: ORGANIZATION, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', concurrent: false, seatId: null },
    });
  });

  it.each([['Có', true], ['  KHÔNG ', false], ['yes', true], ['không', false]])('reads Kiêm nhiệm "%s" as %s', (word, concurrent) => {
    expect(assignmentRowOf(row({ 'Kiêm nhiệm': word })).value?.concurrent).toBe(concurrent);
  });

  it('keeps the seat named', () => {
    expect(assignmentRowOf(row({ 'Mã ghế': ` ${SEAT}` })).value?.seatId).toBe(SEAT);
  });

  it.each([
    [{ 'Số CCCD': '' }, 'Số CCCD', 'REQUIRED'],
    [{ 'Mã tổ chức': ' ' }, 'Mã tổ chức', 'REQUIRED'],
    [{ 'Mã chức danh': '' }, 'Mã chức danh', 'REQUIRED'],
    [{ 'Kiêm nhiệm': 'x' }, 'Kiêm nhiệm', 'UNKNOWN_VALUE'],
  ])('refuses %j: %s, %s, in Vietnamese first', (changes, field, code) => {
    expect(assignmentRowOf(row(changes)).rejects).toEqual([{ row: 5, field, code, message: expect.stringMatching(VIETNAMESE_FIRST) }]);
  });

  it('reports every refused cell of a row', () => {
    expect(assignmentRowOf(row({ 'Số CCCD': '', 'Mã chức danh': '', 'Kiêm nhiệm': 'đôi khi' })).rejects?.map((reject) => reject.field)).toEqual([
      'Số CCCD', 'Mã chức danh', 'Kiêm nhiệm',
    ]);
  });
});

describe('assignmentRepeats', () => {
  const post = (rowNumber: number, personalId: string, changes: Partial<AssignmentRow> = {}): AssignmentRow => ({
    row: rowNumber, personalId, organizationId: ORGANIZATION, titleCode: 'COMMUNE_COMMITTEE_VICE_CHAIR', concurrent: false, seatId: null, ...changes,
  });

  it('refuses a second primary post of a person and the same post twice, naming the first row', () => {
    const rows = [
      post(2, 'A'),
      post(3, 'A', { titleCode: 'COMMUNE_COMMITTEE_CHAIR' }),
      post(4, 'A', { titleCode: 'COMMUNE_OFFICE_STATISTICS', concurrent: true }),
      post(5, 'B', { concurrent: true }),
      post(6, 'B', { concurrent: true }),
      post(7, 'C'),
    ];
    expect(assignmentRepeats(rows).map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: 'Kiêm nhiệm', code: 'DUPLICATE_IN_FILE' },
      { row: 6, field: 'Mã chức danh', code: 'DUPLICATE_IN_FILE' },
    ]);
    expect(assignmentRepeats(rows)[0].message).toMatch(/^Người này đã có chức vụ chính ở dòng 2 của tệp; chức vụ thêm phải là kiêm nhiệm \/ /);
  });
});
