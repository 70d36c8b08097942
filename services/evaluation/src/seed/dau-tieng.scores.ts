import { createHash } from 'node:crypto';
import { dayOfPeriod, daysIn, type CyclePeriod } from '../cycle/cycle.period';
import type { ExpectedProduct } from '../responsibility-rule/responsibility-rule.rules';
import type { DeliveredProduct } from '../work-score/work-product.score';

/** What the seed scores for one holder in one period, as `scoreWorkProducts` takes it. */
export interface DemoPeriodWork {
  leaveDays: number;
  generalPercent: number;
  delivered: DeliveredProduct[];
}

/** Draws in [0, 1) from a digest of the key: the same key, the same draws, on every run and machine. */
function draws(key: string): (index: number) => number {
  const digest = createHash('sha256').update(key).digest();
  return (index) => digest.readUInt16BE((index * 2) % (digest.length - 1)) / 65_536;
}

const round = (value: number, step = 1) => Math.round(value / step) * step;
const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * How well a holder works, 0–1, from their name alone: most are steady (0.3–0.65), a few
 * excellent or weak, so ratings spread as a commune's do.
 */
export function diligenceOf(fullName: string): number {
  const draw = draws(`diligence|${fullName}`);
  const base = 0.3 + 0.35 * draw(0);
  if (draw(1) < 0.08) return Math.min(1, base + 0.3);
  if (draw(1) > 0.93) return Math.max(0, base - 0.45);
  return base;
}

/** One product in a period: full, partly or over-delivered; on time or (when it has a deadline) late; within or below its quality standard. */
function deliveredProduct(product: ExpectedProduct, period: CyclePeriod, diligence: number, draw: (index: number) => number, slot: number): DeliveredProduct {
  const [amount, timing, quality, day] = [0, 1, 2, 3].map((offset) => draw(slot * 4 + offset + 2));
  // the share of the expected quantity delivered: about 0.8 for a steady holder, all (or a tenth more) for the best
  const share = Math.min(1.1, Math.max(0.3, 0.6 + 0.4 * diligence + 0.15 * (amount - 0.5)));
  const quantity = Math.max(1, round(product.expectedQuantity * share));
  const dueOn = dayOfPeriod(period, product.deadlineDay);
  // only a product due before the period's end can be delivered late within it
  const late = product.deadlineDay !== null && dueOn < period.to && timing < 0.1 * (1 - diligence) ** 2 + 0.005;
  const deliveredOn = late ? dayAfter(dueOn, 1 + Math.floor(day * 4)) : dayAfter(dueOn, -Math.floor(day * Math.min(10, product.deadlineDay ?? 10)));
  const defective = quality < 0.2 * (1 - diligence);
  const standard = product.minQualityPercent;
  const qualityPercent = defective ? Math.max(0, standard - 5 - round(quality * 40)) : round(standard + (100 - standard) * quality);
  const within = deliveredOn < period.from ? period.from : deliveredOn > period.to ? period.to : deliveredOn;
  return { code: product.code, quantity, qualityPercent, deliveredOn: within };
}

/**
 * A holder's work in a period, the same for the same name, title and period: the general
 * criteria by their diligence, each expected product delivered, and now and then some leave.
 */
export function demoPeriodWork(fullName: string, titleCode: string, products: readonly ExpectedProduct[], period: CyclePeriod): DemoPeriodWork {
  const diligence = diligenceOf(fullName);
  const draw = draws(`${fullName}|${titleCode}|${period.from}`);
  const generalPercent = Math.min(100, round(58 + 38 * diligence + 6 * draw(0), 0.5));
  const leaveDays = draw(1) < 0.15 ? 3 + Math.floor(draw(1) * 100) % Math.min(20, daysIn(period)) : 0;
  return { leaveDays, generalPercent, delivered: products.map((product, slot) => deliveredProduct(product, period, diligence, draw, slot)) };
}
