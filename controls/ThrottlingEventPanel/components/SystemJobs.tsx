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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SystemJobAction, SystemJobRow, systemJobStatus } from "@integrationkit/shared";
import { formatTime, Translate } from "./types";
import { useTableStyles } from "./tableStyles";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
});

export interface SystemJobsProps {
  jobs: readonly SystemJobRow[];
  /** Whether the user may change system jobs here (rights, form not disabled). */
  canAct: boolean;
  busyJobId?: string;
  onAction: (jobId: string, action: SystemJobAction) => void;
  t: Translate;
}

export const SystemJobs: React.FC<SystemJobsProps> = ({ jobs, canAct, busyJobId, onAction, t }) => {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const [pending, setPending] = React.useState<{ job: SystemJobRow; action: SystemJobAction } | undefined>(undefined);
  if (jobs.length === 0) return <Caption1>{t("Jobs_None")}</Caption1>;
  return (
    <div className={tableStyles.wrap} tabIndex={0} role="group" aria-label={t("Section_Jobs")}>
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
                  {t(status.statusKey)}
                  {job.message ? <Caption1> {job.message}</Caption1> : null}
                  {job.postponeUntil ? <Caption1> {t("Jobs_PostponedUntil", { time: formatTime(job.postponeUntil) })}</Caption1> : null}
                </TableCell>
                <TableCell>{formatTime(job.at)}</TableCell>
                <TableCell>
                  {canAct && status.actions.length > 0 ? (
                    <div className={styles.actions}>
                      {status.actions.map((action) => (
                        <Button
                          key={action}
                          size="small"
                          disabled={busyJobId !== undefined}
                          aria-label={t(`JobAction_${action}_Aria`, { endpoint: job.endpoint })}
                          onClick={() => setPending({ job, action })}
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
            <DialogContent>{pending ? t(`Confirm_${pending.action}_Body`, { endpoint: pending.job.endpoint }) : ""}</DialogContent>
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
              <Button onClick={() => setPending(undefined)}>{t("Confirm_Cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
};
