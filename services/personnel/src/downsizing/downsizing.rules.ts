/** A rule as the check reads it (a row of `downsizing_rule` in force on the date judged). */
export interface RuleRow {
  code: string;
  kind: 'GROUND' | 'EXCLUSION';
  name: string;
  source: string;
  waivedByVolunteering: boolean;
}

/** One exclusion as the check found it for a person. */
export interface ExclusionFinding {
  code: string;
  name: string;
  source: string;
  applies: boolean;
  waived: boolean;
  reason: string;
}

/** Whether a person may be downsized on a ground on a date, and why. */
export interface DownsizingAssessment {
  groundCode: string;
  ground: RuleRow | null;
  exclusions: ExclusionFinding[];
  allowed: boolean;
}

/**
 * Judges a downsizing by the rules in force on the date: the ground must be one of them, and no
 * exclusion may apply to the person's circumstances then, unless the rule lets a volunteer waive
 * it (pregnancy, maternity leave, a child under 36 months).
 */
export function assessDownsizing(rules: readonly RuleRow[], groundCode: string, circumstances: ReadonlySet<string>, volunteered: boolean): DownsizingAssessment {
  const ground = rules.find((rule) => rule.kind === 'GROUND' && rule.code === groundCode) ?? null;
  const exclusions = rules
    .filter((rule) => rule.kind === 'EXCLUSION')
    .map((rule): ExclusionFinding => {
      const applies = circumstances.has(rule.code);
      const waived = applies && volunteered && rule.waivedByVolunteering;
      const reason = !applies
        ? 'Không thuộc trường hợp này / does not apply'
        : waived
          ? 'Thuộc trường hợp này nhưng tự nguyện tinh giản / applies, waived by volunteering'
          : `Chưa xem xét tinh giản: ${rule.name} (${rule.source}) / downsizing deferred`;
      return { code: rule.code, name: rule.name, source: rule.source, applies, waived, reason };
    });
  const allowed = ground !== null && exclusions.every((finding) => !finding.applies || finding.waived);
  return { groundCode, ground, exclusions, allowed };
}

/** Where a candidate on a rating ground stands, and the exclusions that apply to the person. */
export interface CandidateStanding {
  status: 'CANDIDATE' | 'EXCLUDED';
  exclusions: ExclusionFinding[];
}

/**
 * A candidate evaluation's ratings made: deferred (EXCLUDED) while an exclusion applies to the
 * person — nobody volunteers on their behalf —, else a CANDIDATE for the officer's decision.
 */
export function candidateStanding(assessment: DownsizingAssessment): CandidateStanding {
  const exclusions = assessment.exclusions.filter((finding) => finding.applies);
  return { status: exclusions.some((finding) => !finding.waived) ? 'EXCLUDED' : 'CANDIDATE', exclusions };
}
