import type { MacroContext } from '../../../shared/knowledge';
import { useBranchNameIn, useMe } from '../../../shared/session';
import type { CaseDetail } from '../api/useCases';

/**
 * The values of every macro placeholder for a case, as the server fills them for a rule's reply: the branch's name in
 * the case's language (the customer reads it), the person answering as the agent.
 */
export function useCaseMacroContext(c: CaseDetail | undefined): MacroContext | undefined {
  const me = useMe();
  const branchName = useBranchNameIn(c?.branchCode ?? '', c?.language ?? '');
  if (!c) return undefined;
  return {
    'customer.name': c.customer.name,
    'case.reference': c.reference,
    'case.subject': c.subject,
    'agent.name': me.data?.displayName ?? '',
    'branch.name': branchName,
  };
}
