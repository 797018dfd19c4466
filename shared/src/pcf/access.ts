/**
 * Whether a control may write to its bound column. A control is read-only when the form disables it
 * (`context.mode.isControlDisabled`) or when column-level security denies editing
 * (`parameters.<name>.security.editable === false`). Reading is denied when `readable === false`:
 * the control then shows that the value is hidden, never the value.
 */
interface FieldSecurityLike {
  editable?: boolean;
  readable?: boolean;
  secured?: boolean;
}

interface FieldAccess {
  canRead: boolean;
  canWrite: boolean;
}

export function fieldAccess(isControlDisabled: boolean | undefined, security: FieldSecurityLike | null | undefined): FieldAccess {
  const canRead = security?.readable !== false;
  const canWrite = canRead && isControlDisabled !== true && security?.editable !== false;
  return { canRead, canWrite };
}
