import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';

/** Where kiosk, display and pad screens find their credentials after pairing. */
export const deviceTokenStorageKey = 'touchpoint.deviceToken';

export function usePairDevice() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/devices/pair', { body: { code } })),
    onSuccess: (paired) => localStorage.setItem(deviceTokenStorageKey, paired.token),
  });
}
