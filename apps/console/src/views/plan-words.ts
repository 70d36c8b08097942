import type { Bilingual } from '../i18n/i18n';

export const PLAN_STATUS_WORDS: Record<'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED', Bilingual> = {
  DRAFT: { vi: 'Dự thảo', en: 'Draft' },
  ACTIVE: { vi: 'Đang thực hiện', en: 'Active' },
  COMPLETED: { vi: 'Đã hoàn thành', en: 'Completed' },
  CANCELLED: { vi: 'Đã hủy bỏ', en: 'Cancelled' },
};

export const STANDING_WORDS: Record<'COMPLETED' | 'OVERDUE' | 'IN_PROGRESS', Bilingual> = {
  COMPLETED: { vi: 'Hoàn thành', en: 'Completed' },
  OVERDUE: { vi: 'Quá hạn', en: 'Overdue' },
  IN_PROGRESS: { vi: 'Đang thực hiện, trong hạn', en: 'In progress, in time' },
};

/** Words the plan screens share. */
export const PLAN_WORDS = {
  title: { vi: 'Kế hoạch cải cách', en: 'Reform plans' },
  progress: { vi: 'Tiến độ chung (đơn vị và các đơn vị trực thuộc)', en: 'Overall progress (the unit and the units below it)' },
  allPlans: { vi: 'Tổng hợp các kế hoạch', en: 'All plans' },
  plans: { vi: 'Số kế hoạch', en: 'Plans' },
  tasks: { vi: 'Số nhiệm vụ', en: 'Tasks' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  inProgress: { vi: 'Đang thực hiện, trong hạn', en: 'In progress, in time' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  averageCompletion: { vi: 'Tỷ lệ hoàn thành bình quân', en: 'Average completion' },
  completionRate: { vi: 'Tỷ lệ nhiệm vụ hoàn thành', en: 'Share of tasks completed' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  measure: { vi: 'Đơn vị tính', en: 'Measure' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  actual: { vi: 'Kết quả', en: 'Actual' },
  achieved: { vi: 'Tỷ lệ đạt', en: 'Achieved' },
  reporting: { vi: 'Kế hoạch đã báo cáo', en: 'Plans reporting' },
  unavailable: { vi: 'Dịch vụ cải cách hành chính đang không phản hồi: chưa có dữ liệu kế hoạch', en: 'The reform service is not answering: no plan data for now' },
} satisfies Record<string, Bilingual>;

/** A percentage as the console writes it, "—" when there is none. */
export function percent(value: number | null | undefined, language: 'vi' | 'en'): string {
  return value == null ? '—' : `${value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
}

/** A figure as the console writes it (decimal comma in Vietnamese). */
export function figure(value: number, language: 'vi' | 'en'): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}
