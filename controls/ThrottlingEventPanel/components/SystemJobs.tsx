/** @jsx h */
import * as React from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { SystemJobAction, SystemJobRow, systemJobStatus } from "@integrationkit/shared";
import type { Lang } from "./types";
import { useTableStyles } from "./tableStyles";
import { h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
});

interface SystemJobsProps {
  jobs: readonly SystemJobRow[];
  /** Whether the user may change system jobs here (rights, form not disabled). */
  canAct: boolean;
  busyJobId?: string;
  onAction: (jobId: string, action: SystemJobAction) => void;
  lang: Lang;
}

/** Cancelling cannot be undone: its confirmation opens on the safe choice. */
const IRREVERSIBLE: ReadonlySet<SystemJobAction> = new Set(["cancel"]);

/** The confirmation text for an action, true for the state the job is in (postpone differs for a running job). */
function bodyKey(
  action: SystemJobAction,
  job: SystemJobRow,
): "Confirm_cancel_Body" | "Confirm_resume_Body" | "Confirm_postpone_Body_ready" | "Confirm_postpone_Body_locked" {
  if (action === "postpone") return job.statecode === 2 ? "Confirm_postpone_Body_locked" : "Confirm_postpone_Body_ready";
  return action === "cancel" ? "Confirm_cancel_Body" : "Confirm_resume_Body";
}

export const SystemJobs: React.FC<SystemJobsProps> = ({ jobs, canAct, busyJobId, onAction, lang }) => {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { t, formatters } = lang;
  const [pending, setPending] = React.useState<{ job: SystemJobRow; action: SystemJobAction } | undefined>(undefined);
  const wrapRef = React.useRef<HTMLDivElement>(null);
  const safeRef = React.useRef<HTMLButtonElement>(null);
  const triggerRef = React.useRef<HTMLElement | null>(null);
  const wasOpen = React.useRef(false);

  React.useEffect(() => {
    if (pending !== undefined) {
      wasOpen.current = true;
      if (IRREVERSIBLE.has(pending.action)) {
        // After the dialog's own focus handling has run.
        const handle = setTimeout(() => safeRef.current?.focus(), 0);
        return () => clearTimeout(handle);
      }
      return undefined;
    }
    if (wasOpen.current) {
      wasOpen.current = false;
      // Back to the button that opened the dialog, or to the table when that button is gone.
      const handle = setTimeout(() => {
        const trigger = triggerRef.current;
        if (trigger && trigger.isConnected && !(trigger as HTMLButtonElement).disabled) trigger.focus();
        else wrapRef.current?.focus();
      }, 0);
      return () => clearTimeout(handle);
    }
    return undefined;
  }, [pending]);

  if (jobs.length === 0) return <Caption1>{t("Jobs_None")}</Caption1>;
  const when = (job: SystemJobRow): string => formatters.time(new Date(job.at), true);
  return (
    <div ref={wrapRef} className={tableStyles.wrap} tabIndex={0} role="group" aria-label={t("Section_Jobs")}>
      <Table size="small" className={tableStyles.table} aria-label={t("Section_Jobs")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("Jobs_Endpoint")}</TableHeaderCell>
            <TableHeaderCell>{t("Jobs_Status")}</TableHeaderCell>
            <TableHeaderCell>{t("Jobs_Time")}</TableHeaderCell>
            <TableHeaderCell>{t("Jobs_Actions")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {jobs.map((job) => {
            const status = systemJobStatus(job.statecode, job.statuscode);
            return (
              <TableRow key={job.id}>
                <TableCell>{job.endpoint}</TableCell>
                <TableCell>
                  {t(status.statusKey as `JobStatus_${string}` & Parameters<typeof t>[0])}
                  {job.message ? <Caption1> {job.message}</Caption1> : null}
                  {job.postponeUntil ? (
                    <Caption1> {t("Jobs_PostponedUntil", { time: formatters.dateTime(new Date(job.postponeUntil)) })}</Caption1>
                  ) : null}
                </TableCell>
                <TableCell>{when(job)}</TableCell>
                <TableCell>
                  {canAct && status.actions.length > 0 ? (
                    <div className={styles.actions}>
                      {status.actions.map((action) => (
                        <Button
                          key={action}
                          size="small"
                          disabled={busyJobId !== undefined}
                          aria-label={t(`JobAction_${action}_Aria`, { endpoint: job.endpoint, time: when(job) })}
                          onClick={(e) => {
                            triggerRef.current = e.currentTarget;
                            setPending({ job, action });
                          }}
                        >
                          {t(`JobAction_${action}`)}
                        </Button>
                      ))}
                    </div>
                  ) : (
                    <Caption1>{status.actions.length > 0 ? t("Jobs_NoRights") : t("Jobs_NoActions")}</Caption1>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Dialog open={pending !== undefined} onOpenChange={(_e, data) => (data.open ? undefined : setPending(undefined))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{pending ? t(`Confirm_${pending.action}_Title`) : ""}</DialogTitle>
            <DialogContent>
              {pending ? t(bodyKey(pending.action, pending.job), { endpoint: pending.job.endpoint, time: when(pending.job) }) : ""}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  if (pending) onAction(pending.job.id, pending.action);
                  setPending(undefined);
                }}
              >
                {pending ? t(`JobAction_${pending.action}`) : ""}
              </Button>
              <Button ref={safeRef} onClick={() => setPending(undefined)}>
                {t("Confirm_Cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};
