export { KnowledgeSuggestions } from './KnowledgeSuggestions';
export { Markdown } from './Markdown';
