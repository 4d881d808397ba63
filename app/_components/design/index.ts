// Mend's small design system: import from '@/app/_components/design'. Page structure (PageHeader, Card,
// EmptyState, Badge) lives in ../ui.tsx and is re-exported here so one import covers a page.
export { Button, ButtonLink, buttonClass, type ButtonSize, type ButtonVariant } from './button';
export { TextArea, TextInput, inputClass } from './input';
export { Dialog } from './dialog';
export { Toast } from './toast';
export { AlertTierBadge, BandBadge, bandTone } from './status-badges';
export { Skeleton, SkeletonCard } from './skeleton';
export { Badge, Card, EmptyState, PageHeader } from '../ui';
