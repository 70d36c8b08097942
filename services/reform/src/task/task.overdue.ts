/** Complete: a task reported at 100%. */
export const COMPLETE = 100;

/** Where a task stands on a date. */
export enum TaskStanding {
  COMPLETED = 'COMPLETED',
  OVERDUE = 'OVERDUE',
  IN_PROGRESS = 'IN_PROGRESS',
}

/**
 * A task's standing on `asOf` from its deadline and its completion as last reported by then:
 * completed at 100%; overdue once the deadline has passed (the deadline day itself still counts
 * as in time) without completion; otherwise in progress. The roll-up counts with the same rule.
 */
export function taskStanding(task: { deadline: string; completion: number }, asOf: string): TaskStanding {
  if (task.completion >= COMPLETE) return TaskStanding.COMPLETED;
  return task.deadline < asOf ? TaskStanding.OVERDUE : TaskStanding.IN_PROGRESS;
}
