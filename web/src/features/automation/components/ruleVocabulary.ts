/** The words a rule is made of; the server checks the same lists (Features/Automation/CaseRule.cs). */
export const ruleEvents = ['caseCreated', 'caseUpdated', 'statusChanged', 'customerMessage', 'hoursSinceCreated', 'hoursSinceUpdated', 'hoursPending', 'hoursUntilSlaDue'] as const;
export const timedEvents: readonly string[] = ['hoursSinceCreated', 'hoursSinceUpdated', 'hoursPending', 'hoursUntilSlaDue'];
export const ruleFields = ['status', 'priority', 'category', 'channel', 'tags', 'language', 'segment', 'assignee', 'team', 'subject', 'description'] as const;
export const ruleOperators = ['is', 'isNot', 'contains', 'set', 'notSet'] as const;
export const ruleActions = ['setPriority', 'setStatus', 'setCategory', 'setTeam', 'setAssignee', 'addTag', 'removeTag', 'addNote', 'sendMacro', 'notifySupervisors'] as const;

export type RuleEvent = (typeof ruleEvents)[number];
export type RuleField = (typeof ruleFields)[number];
export type RuleOperator = (typeof ruleOperators)[number];
export type RuleActionType = (typeof ruleActions)[number];

/** Operators that take no value. */
export const valueless: readonly string[] = ['set', 'notSet'];
