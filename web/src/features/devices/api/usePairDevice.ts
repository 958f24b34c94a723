import { useMutation } from '@tanstack/react-query';
import { api, deviceTokenStorageKey, unwrap } from '../../../shared/api';

export function usePairDevice() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/devices/pair', { body: { code } })),
    // Kiosk and display screens read the token from there (shared/api/deviceToken).
    onSuccess: (paired) => localStorage.setItem(deviceTokenStorageKey, paired.token),
  });
}
