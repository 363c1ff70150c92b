/**
 * The stylesheets every form element adopts before its own, in this order: the shared base, the form and its
 * fields, the honeypot kept out of sight, and the note on a submission saved on the device.
 */
import { deliveryNoteStyles } from '../delivery/delivery-note.js';
import { fieldStyles } from '../styles/field-styles.js';
import { formStyles } from '../styles/form-styles.js';
import { sharedStyles } from '../styles/styles.js';
import { honeypotStyles } from './spam-guard.js';

export const formElementStyles = [...sharedStyles, formStyles, fieldStyles, honeypotStyles, deliveryNoteStyles];
