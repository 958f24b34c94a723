import { useTranslation } from 'react-i18next';
import { oneOf } from '../../../shared/api';
import { deviceKinds, deviceStatuses } from '../api/useDevices';

/** Localised names of device kinds and statuses; values this UI does not know yet are shown as sent. */
export function useDeviceLabels() {
  const { t } = useTranslation();
  return {
    kindLabel: (kind: string) => {
      const known = oneOf(kind, deviceKinds);
      return known ? t(`devices.kind.${known}`) : kind;
    },
    statusLabel: (status: string) => {
      const known = oneOf(status, deviceStatuses);
      return known ? t(`devices.statuses.${known}`) : status;
    },
  };
}
