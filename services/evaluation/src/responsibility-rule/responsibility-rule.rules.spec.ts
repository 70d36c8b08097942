import { checkedRule, ruleDefects, type ExpectedProduct } from './responsibility-rule.rules';

const holder = { unitCode: '25807', organizationId: '6f1c1f9e-6b8a-4f43-9a56-1d7c2b0e8a11', titleCode: 'VAN_PHONG_THONG_KE' };
const product = (code: string, weight: number, extra: Partial<ExpectedProduct> = {}): ExpectedProduct => ({
  code, name: `Sản phẩm ${code}`, weight, expectedQuantity: 2, qualityStandard: 'Đúng thể thức', minQualityPercent: 100, deadlineDay: 25, ...extra,
});
const reasons = (products: ExpectedProduct[], of = holder) => ruleDefects(of, products).map((found) => found.reason);

describe('job-responsibility rules', () => {
  it('accepts products whose weights sum to 100, trimming their words', () => {
    const [first] = checkedRule(holder, [product('BAO_CAO', 60.5, { name: ' Báo cáo ' }), product('TO_TRINH', 39.5)]);
    expect(first).toMatchObject({ code: 'BAO_CAO', name: 'Báo cáo' });
  });

  it('refuses weights that do not sum to 100, naming the sum', () => {
    expect(reasons([product('A', 60), product('B', 30)])).toEqual(['WEIGHTS_NOT_100']);
    expect(ruleDefects(holder, [product('A', 60), product('B', 50)])[0].en).toContain('110');
  });

  it('refuses a product code repeated, once per code', () => {
    expect(reasons([product('A', 50), product('A', 25), product('A', 25)])).toEqual(['PRODUCT_CODE_REPEATED']);
  });

  it('refuses an empty catalogue and malformed products', () => {
    expect(reasons([])).toEqual(['PRODUCTS_MISSING']);
    expect(reasons([product('a-1', 100, { expectedQuantity: 0, deadlineDay: 0, minQualityPercent: 120, qualityStandard: ' ' })])).toEqual([
      'PRODUCT_CODE_SHAPE', 'PRODUCT_TEXT_MISSING', 'PRODUCT_QUANTITY', 'PRODUCT_QUALITY_PERCENT', 'PRODUCT_DEADLINE',
    ]);
    expect(reasons([product('A', 0), product('B', 100)])).toEqual(['PRODUCT_WEIGHT']);
  });

  it('checks the organization and title references for shape only', () => {
    expect(reasons([product('A', 100)], { ...holder, organizationId: 'ubnd', titleCode: 'van phong' })).toEqual(['ORGANIZATION_ID_SHAPE', 'TITLE_CODE_SHAPE']);
  });

  it('throws one BAD_USER_INPUT listing every reason', () => {
    expect(() => checkedRule(holder, [product('A', 50), product('A', 30)])).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: { reason: 'RESPONSIBILITY_RULE_DEFECTS', reasons: [{ reason: 'PRODUCT_CODE_REPEATED', path: 'products' }, { reason: 'WEIGHTS_NOT_100', path: 'products' }] },
        }),
      }),
    );
  });
});
