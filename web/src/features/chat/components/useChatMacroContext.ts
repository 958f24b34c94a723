import type { MacroContext } from '../../../shared/knowledge';
import { useBranchNameIn, useMe } from '../../../shared/session';
import type { ChatDetail } from '../api/useChats';

/**
 * The macro placeholders a chat can fill: the visitor's name, the branch's name in the conversation's language, the
 * person answering, and the case reference once the chat has a case. The others stay as written, for staff to see.
 */
export function useChatMacroContext(chat: ChatDetail): Partial<MacroContext> {
  const me = useMe();
  const branchName = useBranchNameIn(chat.summary.branch, chat.summary.language);
  const context: Partial<MacroContext> = {
    'agent.name': me.data?.displayName ?? '',
    'branch.name': branchName,
  };
  if (chat.visitorName) context['customer.name'] = chat.visitorName;
  if (chat.caseReference) context['case.reference'] = chat.caseReference;
  return context;
}
