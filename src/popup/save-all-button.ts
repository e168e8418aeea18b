/** "Save all Sina tabs": the work runs in a window of its own (batch.html), which outlives the popup. */
import { i18n } from '../platform/i18n';
import { sendToBackground } from '../platform/send';
import { toast } from './toast';

export function wireSaveAllTabs(button: HTMLButtonElement): void {
  button.addEventListener('click', async () => {
    const reply = await sendToBackground({ type: 'open-batch' });
    if (!reply.ok) toast(i18n('saveAllFailed', reply.error), 'error');
  });
}
