import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';

export type User = Schema<'UserDto'>;
export type CreateUserRequest = Schema<'CreateUserRequest'>;
export type UpdateUserRequest = Schema<'UpdateUserRequest'>;

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => unwrap(api.GET('/api/admin/users')) });
}

function useUserMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }) });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserRequest) => unwrap(api.POST('/api/admin/users', { body })));
}

export function useUpdateUser() {
  return useUserMutation(({ id, user }: { id: string; user: UpdateUserRequest }) =>
    unwrap(api.PUT('/api/admin/users/{id}', { params: { path: { id } }, body: user })),
  );
}

export function useUnlockUser() {
  return useUserMutation((id: string) => unwrap(api.POST('/api/admin/users/{id}/unlock', { params: { path: { id } } })));
}

export function useResetPassword() {
  return useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    unwrap(api.POST('/api/admin/users/{id}/reset-password', { params: { path: { id } }, body: { newPassword } })),
  );
}
