import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys, unwrap, type Schema } from '../../../shared/api';
import { useRealtimeEvent } from '../../../shared/realtime';

export type ChatSummary = Schema<'ChatSummaryDto'>;
export type ChatDetail = Schema<'ChatDetailDto'>;
export type MessagingChannel = Schema<'MessagingChannelDto'>;
export type MessagingChannelRequest = Schema<'MessagingChannelRequest'>;

const isChatEvent = (type: string) => type === 'chat.changed' || type === 'chat.message' || type === 'chat.ended';

/** Waiting and active chats of a branch (or of all the user's branches); any chat event refreshes them. */
export function useChatList(branch: string | undefined, status?: 'ended') {
  const client = useQueryClient();
  useRealtimeEvent((e) => isChatEvent(e.type), () => void client.invalidateQueries({ queryKey: queryKeys.chats }));
  const query = { branch, status };
  return useQuery({
    queryKey: queryKeys.chatList(query),
    queryFn: () => unwrap(api.GET('/api/chats', { params: { query } })),
  });
}

export function useChat(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.chat(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/chats/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

function useChatMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.chats }) });
}

export const useAcceptChat = () => useChatMutation((id: string) => unwrap(api.POST('/api/chats/{id}/accept', { params: { path: { id } } })));
export const useEndChat = () => useChatMutation((id: string) => unwrap(api.POST('/api/chats/{id}/end', { params: { path: { id } } })));
export const useReplyToChat = (id: string) =>
  useChatMutation((body: string) => unwrap(api.POST('/api/chats/{id}/messages', { params: { path: { id } }, body: { body } })));
export const useTransferChat = (id: string) =>
  useChatMutation((branch: string) => unwrap(api.POST('/api/chats/{id}/transfer', { params: { path: { id } }, body: { branch, userId: null } })));
export const useChatCase = (id: string) =>
  useChatMutation((subject: string | null) => unwrap(api.POST('/api/chats/{id}/case', { params: { path: { id } }, body: { subject } })));

/** Tells the visitor that staff are typing; called on input, sends at most every three seconds. */
export function useStaffTyping(id: string) {
  const last = useRef(0);
  return () => {
    if (Date.now() - last.current < 3000) return;
    last.current = Date.now();
    void api.POST('/api/chats/{id}/typing', { params: { path: { id } } });
  };
}

export function useMessagingChannels() {
  return useQuery({ queryKey: queryKeys.messagingChannels, queryFn: () => unwrap(api.GET('/api/admin/messaging-channels')) });
}

function useChannelMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.messagingChannels }) });
}

export const useCreateMessagingChannel = () =>
  useChannelMutation((body: MessagingChannelRequest) => unwrap(api.POST('/api/admin/messaging-channels', { body })));
export const useUpdateMessagingChannel = () =>
  useChannelMutation(({ id, body }: { id: string; body: MessagingChannelRequest }) =>
    unwrap(api.PUT('/api/admin/messaging-channels/{id}', { params: { path: { id } }, body })),
  );
export const useRotateMessagingSecret = () =>
  useChannelMutation((id: string) => unwrap(api.POST('/api/admin/messaging-channels/{id}/secret', { params: { path: { id } } })));
export const useDeleteMessagingChannel = () =>
  useChannelMutation((id: string) => unwrap(api.DELETE('/api/admin/messaging-channels/{id}', { params: { path: { id } } })));

export type ChatBotSummary = Schema<'ChatBotSummaryDto'>;

/** The self-service bot's containment and hand-over figures (last 30 days) for supervisors; chat events refresh them. */
export function useChatBotSummary(branch: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.chats, 'bot-summary', branch ?? ''],
    queryFn: () => unwrap(api.GET('/api/chat/bot/summary', { params: { query: { branch } } })),
    enabled,
  });
}
