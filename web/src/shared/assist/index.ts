export { AnalysisBadge } from './AnalysisBadge';
export { intentName } from './intentName';
export { ReplyCheckWarnings } from './ReplyCheckWarnings';
export * from './useAssist';
