import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Theme,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
  webLightTheme,
} from "@fluentui/react-components";
import { SystemJobAction } from "@integrationkit/shared";
import type { Message, PanelState } from "../panel/PanelController";
import { HeadroomGauges } from "./HeadroomGauges";
import { Sparkline } from "./Sparkline";
import { ThrottledCalls } from "./ThrottledCalls";
import { PriorityTable } from "./PriorityTable";
import { EventDelivery } from "./EventDelivery";
import { SystemJobs } from "./SystemJobs";
import { formatTime, secondsLeft, Translate } from "./types";

export interface ThrottlingEventPanelAppProps {
  /** Current panel state; read on every render. */
  getState: () => PanelState;
  /** Calls the listener on every state change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  t: Translate;
  theme?: Theme;
  /** Container size from the host; <= 0 or undefined means "fill the parent". */
  width?: number;
  height?: number;
  /** The form disables the control: no system-job actions. */
  disabled: boolean;
  /** The user may write asyncoperation rows (checked with hasEntityPrivilege). */
  canWriteJobs: boolean;
  onPause: (paused: boolean) => void;
  onUseSimulation: () => void;
  onAction: (jobId: string, action: SystemJobAction) => void;
}

const useStyles = makeStyles({
  root: { boxSizing: "border-box", minWidth: "300px", maxWidth: "100%", overflowY: "auto", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  title: { flexGrow: 1, margin: 0 },
  messages: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 280px), 1fr))", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalM },
  section: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
  },
  /** Tables need room: these cards take a whole row of the grid. */
  wide: { gridColumn: "1 / -1" },
  sectionTitle: { marginTop: 0, marginBottom: tokens.spacingVerticalS },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

function text(t: Translate, m: Message | undefined): string {
  return m ? t(m.key, m.values) : "";
}

const Section: React.FC<{ title: string; wide?: boolean }> = ({ title, wide, children }) => {
  const styles = useStyles();
  // Unique per instance: a form can hold more than one panel.
  const id = useId("tep-section-");
  return (
    <section className={wide ? mergeClasses(styles.section, styles.wide) : styles.section} aria-labelledby={id}>
      <Text as="h3" id={id} weight="semibold" size={400} className={styles.sectionTitle} block>
        {title}
      </Text>
      {children}
    </section>
  );
};

export const ThrottlingEventPanelApp: React.FC<ThrottlingEventPanelAppProps> = (props) => {
  const { getState, subscribe, t, theme, width, height, disabled, canWriteJobs } = props;
  const styles = useStyles();
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => subscribe(rerender), [subscribe]);
  const state = getState();
  // Simulated jobs are not real: on an enabled form anyone may try the actions on them.
  const canAct = !disabled && (state.source === "simulated" || canWriteJobs);
  const snap = state.snapshot;
  const style: React.CSSProperties = { width: width !== undefined && width > 0 ? `${width}px` : "100%" };
  if (height !== undefined && height > 0) style.maxHeight = `${height}px`;
  const statusKey = state.paused ? "Status_Paused" : `Status_${state.status}`;
  return (
    <FluentProvider theme={theme ?? webLightTheme}>
      <div className={styles.root} style={style} data-testid="throttling-event-panel">
        <div className={styles.header}>
          <Text as="h2" weight="semibold" size={500} className={styles.title}>
            {t("Title")}
          </Text>
          <Badge appearance="filled" color={state.source === "simulated" ? "warning" : "brand"}>
            {state.source === "simulated" ? t("Source_Simulated") : t("Source_Live")}
          </Badge>
          <Badge appearance="outline" color={state.status === "ok" ? "success" : state.status === "loading" ? "informative" : "danger"}>
            {t(statusKey)}
          </Badge>
          <Button onClick={() => props.onPause(!state.paused)} aria-pressed={state.paused} disabled={state.status === "unavailable"}>
            {state.paused ? t("Button_Resume") : t("Button_Pause")}
          </Button>
        </div>
        <Caption1>{snap ? t("LastUpdated", { time: formatTime(snap.updatedAt) }) : t("LastUpdated_Never")}</Caption1>
        <div className={styles.visuallyHidden} role="status" aria-live="polite">
          {text(t, state.announcement)}
        </div>

        <div className={styles.messages}>
          {state.liveUnavailable ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("Unavailable_Title")}</MessageBarTitle>
                {t("Unavailable_Body")} {state.error ? text(t, state.error) : ""}{" "}
                <Button size="small" onClick={props.onUseSimulation}>
                  {t("Button_UseSimulation")}
                </Button>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.source === "simulated" ? (
            <MessageBar intent="info">
              <MessageBarBody>{t("Simulated_Note")}</MessageBarBody>
            </MessageBar>
          ) : null}
          {state.status === "throttled" && state.ownRetryAt !== undefined ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("OwnThrottled_Title")}</MessageBarTitle>
                <span data-testid="own-countdown">
                  {secondsLeft(state.ownRetryAt, state.now) > 0 ? t("OwnThrottled_Body", { seconds: secondsLeft(state.ownRetryAt, state.now) }) : t("OwnThrottled_Retrying")}
                </span>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.status === "error" ? (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t("Error_Title")}</MessageBarTitle>
                {text(t, state.error)} {snap ? t("Error_KeepingData") : ""}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.prioritiesError ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("PrioritiesError_Title")}</MessageBarTitle>
                {text(t, state.prioritiesError)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.actionError ? (
            <MessageBar intent="error">
              <MessageBarBody>{t("ActionError", { detail: text(t, state.actionError) })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {state.pollClamped && state.source === "live" ? <Caption1>{t("Poll_Clamped", { seconds: state.pollSeconds })}</Caption1> : null}
          {snap && snap.skippedRows > 0 ? <Caption1>{t("SkippedRows", { count: snap.skippedRows })}</Caption1> : null}
        </div>

        {snap ? (
          <div className={styles.grid}>
            <Section title={t("Section_Headroom")}>
              <HeadroomGauges headroom={snap.headroom} t={t} />
              <Caption1>{state.source === "live" ? t("Headers_Caveat") : t("Headers_CaveatSimulated")}</Caption1>
            </Section>
            <Section title={t("Section_Traffic")}>
              <Sparkline requests={snap.series.requests} throttled={snap.series.throttled} t={t} />
            </Section>
            <Section title={t("Section_Throttled")}>
              <ThrottledCalls calls={snap.throttledCalls} now={state.now} t={t} />
            </Section>
            <Section title={t("Section_Priorities")}>
              <PriorityTable rows={state.priorities} t={t} />
            </Section>
            <Section title={t("Section_Delivery")} wide>
              <EventDelivery endpoints={snap.endpoints} failures={snap.failures} t={t} />
            </Section>
            <Section title={t("Section_Jobs")} wide>
              <SystemJobs jobs={snap.jobs} canAct={canAct} busyJobId={state.busyJobId} onAction={props.onAction} t={t} />
            </Section>
          </div>
        ) : state.status === "loading" || state.status === "throttled" ? (
          <Body1>{t("Waiting_FirstData")}</Body1>
        ) : null}
      </div>
    </FluentProvider>
  );
};
