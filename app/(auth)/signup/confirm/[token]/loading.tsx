import { LoadingState } from '@/app/_components/ui';

export default function Loading() {
  return <LoadingState />;
}
