import { asLocalizedText } from '../../../shared/api';
import type { MacroContext } from '../../../shared/knowledge';
import { useBranchList, useMe } from '../../../shared/session';
import type { ChatDetail } from '../api/useChats';

/**
 * The macro placeholders a chat can fill: the visitor's name, the branch's name in the conversation's language, the
 * person answering, and the case reference once the chat has a case. The others stay as written, for staff to see.
 */
export function useChatMacroContext(chat: ChatDetail): Partial<MacroContext> {
  const me = useMe();
  const branches = useBranchList();
  const branch = branches.data?.find((b) => b.code === chat.summary.branch);
  const names = asLocalizedText(branch?.name) as Record<string, string | undefined>;
  const context: Partial<MacroContext> = {
    'agent.name': me.data?.displayName ?? '',
    'branch.name': names[chat.summary.language] ?? branch?.displayName ?? chat.summary.branch,
  };
  if (chat.visitorName) context['customer.name'] = chat.visitorName;
  if (chat.caseReference) context['case.reference'] = chat.caseReference;
  return context;
}
