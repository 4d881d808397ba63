import { failOnPurpose } from '@/lib/runtime/test-faults';

/** Exists only for the end-to-end suite's error-page test (see lib/runtime/test-faults.ts). */
export default function TestFaultPage() {
  failOnPurpose();
}
