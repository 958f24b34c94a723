export { AnalysisBadge } from './AnalysisBadge';
export { DraftReplyButton } from './DraftReplyButton';
export { intentName } from './intentName';
export { ReplyCheckWarnings } from './ReplyCheckWarnings';
export * from './useAssist';
