export { helpArticlePath } from './helpPaths';
export { KnowledgeSuggestions } from './KnowledgeSuggestions';
export { fillPlaceholders, macroPlaceholders, macroText, type MacroContext } from './macroText';
export { Markdown } from './Markdown';
