// Mend's small design system: import from '@/app/_components/design'. Page structure (PageHeader, Card,
// EmptyState, Badge) lives in ../ui.tsx and is re-exported here so one import covers a page.
export { Button, ButtonLink, buttonClass, type ButtonSize, type ButtonVariant } from './button';
export { TextArea, TextInput, compactInputClass, inputClass } from './input';
export { Select, selectClass } from './select';
export { Check, checkClass } from './checkbox';
export { Dialog } from './dialog';
export { ConfirmButton } from './confirm-button';
export { Toast } from './toast';
export { ToastProvider, useToast, useToastingAction } from './toast-provider';
export { AlertTierBadge, BandBadge, bandTone } from './status-badges';
export { Skeleton, SkeletonCard } from './skeleton';
export { Badge, Card, EmptyState, PageHeader } from '../ui';
export { FormOutcome } from './form-outcome';
export { Menu, MenuDanger } from './menu';
export { choiceBoxClass, choiceClass, type ChoiceLayout, type ChoiceLook } from './choice';
