/** What a visitor is told about a submission kept on the device (see outbox.ts). */
import { msg } from '@lit/localize';

export type DeliveryState = 'queued' | 'sent' | 'refused' | 'dropped';

export function deliveryMessage(state: DeliveryState): string {
  switch (state) {
    case 'queued':
      return msg('Saved on this device. It will be sent automatically as soon as it can be.', {
        id: 'core.delivery.queued',
      });
    case 'sent':
      return msg('Sent. What you saved on this device has now reached us.', { id: 'core.delivery.sent' });
    case 'refused':
      return msg('What you saved on this device was sent, but the service did not accept it.', {
        id: 'core.delivery.refused',
      });
    case 'dropped':
      return msg('What you saved on this device could not be kept, and was not sent.', { id: 'core.delivery.dropped' });
  }
}
