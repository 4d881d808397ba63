import { EmptyState } from '@/app/_components/ui';

export default function ClientNotFound() {
  return (
    <EmptyState title="Client not found" action={{ href: '/caseload', label: 'Back to caseload' }}>
      This client does not exist, or is not on your care team.
    </EmptyState>
  );
}
