import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    // Leave even if the call failed: the user asked to go, and a stale cookie expires on its own.
    onSettled: () => {
      queryClient.clear();
      void navigate('/login', { replace: true });
    },
  });
}
