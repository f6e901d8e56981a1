import { Finding } from '../findings';
import { finding } from '../rules';
import { ValidationContext } from './context';

/** A delete is always allowed; the finding says what happens to the volume and its data. */
export function checkDelete(context: ValidationContext): Finding[] {
  if (context.claim?.reclaimPolicy === 'Retain') {
    return [
      finding(
        'retain-leaves-volume',
        'claimName',
        'The volume has reclaimPolicy Retain: deleting the claim leaves the volume behind (Released), still billed',
        'Delete the PersistentVolume and the cloud volume too once the data is no longer needed.',
      ),
    ];
  }
  return [
    finding(
      'delete-is-permanent',
      'claimName',
      'Deleting the claim deletes the volume and all its data (reclaimPolicy Delete)',
      'Take a snapshot first if you may need the data again.',
    ),
  ];
}
