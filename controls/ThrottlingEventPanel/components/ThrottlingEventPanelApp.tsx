/** @jsx h */
import * as React from "react";
import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text, useId } from "@fluentui/react-components";
import {
  type Formatters,
  nextTryAt,
  type PanelModel,
  type PanelSectionName,
  type ReadableStore,
  type SystemJobAction,
} from "@integrationkit/shared";
import { useStore } from "../../common/useStore";
import { HeadroomGauges } from "./HeadroomGauges";
import { Sparkline } from "./Sparkline";
import { ThrottledCalls } from "./ThrottledCalls";
import { PriorityTable } from "./PriorityTable";
import { EventDelivery } from "./EventDelivery";
import { SystemJobs } from "./SystemJobs";
import { type Lang, message, type Plural, secondsLeft, type T } from "./types";
import { h } from "../../common/jsx";
import { makeStyles, mergeClasses, tokens } from "../../common/fluent";

interface ThrottlingEventPanelAppProps {
  /** The panel's state (the runner's reducer snapshot). */
  store: ReadableStore<PanelModel>;
  t: T;
  plural: Plural;
  formatters: Formatters;
  /** Container size from the host; undefined means "fill the parent". */
  width?: number;
  height?: number;
  /** The form disables the control (or the column is hidden): no system-job actions. */
  disabled: boolean;
  onPause: (paused: boolean) => void;
  onUseSimulation: () => void;
  onAction: (jobId: string, action: SystemJobAction) => void;
}

/** Below this width the panel scrolls inside its container instead of squeezing its content (the cards fit 280 px). */
const MIN_CONTENT_WIDTH = 280;

const useStyles = makeStyles({
  root: { boxSizing: "border-box", maxWidth: "100%", overflow: "auto", color: tokens.colorNeutralForeground1 },
  content: {
    boxSizing: "border-box",
    minWidth: `${MIN_CONTENT_WIDTH}px`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  title: { flexGrow: 1, margin: 0 },
  messages: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 260px), 1fr))",
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
  },
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

const Section: React.FC<{ title: string; wide?: boolean; children?: React.ReactNode }> = ({ title, wide, children }) => {
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

const DeniedNote: React.FC<{ lang: Lang; denied: { table: string; privilege: string } }> = ({ lang, denied }) => (
  <MessageBar intent="warning">
    <MessageBarBody>
      <MessageBarTitle>{lang.t("Denied_Title")}</MessageBarTitle>
      {lang.t("Denied_Body", { table: denied.table, privilege: lang.t("Privilege_Read") })}
    </MessageBarBody>
  </MessageBar>
);

export const ThrottlingEventPanelApp: React.FC<ThrottlingEventPanelAppProps> = (props) => {
  const { store, t, plural, formatters, width, height, disabled } = props;
  const lang: Lang = React.useMemo(() => ({ t, plural, formatters }), [t, plural, formatters]);
  const styles = useStyles();
  const state = useStore(store);
  const titleRef = React.useRef<HTMLHeadingElement>(null);
  const pauseRef = React.useRef<HTMLButtonElement>(null);
  const unavailable = state.status === "unavailable";
  // Simulated jobs are not real: on an enabled form anyone may try the actions on them.
  const canAct = !disabled && (state.source === "simulated" || state.canWriteJobs);
  const snap = state.snapshot;
  const style: React.CSSProperties = { width: width !== undefined && width > 0 ? `${width}px` : "100%" };
  if (height !== undefined && height > 0) style.maxHeight = `${height}px`;
  const statusText = state.paused ? t("Status_Paused") : t(`Status_${state.status}`);
  const denied = (name: PanelSectionName): { table: string; privilege: string } | undefined => snap?.denied?.[name];
  const ownLeft = secondsLeft(nextTryAt(state), state.now);
  const seconds = (n: number): string => plural("Seconds", n, { count: formatters.integer(n) });

  const useSimulation = (): void => {
    props.onUseSimulation();
    // The button goes away with the message: keep keyboard focus in the panel, on the pause button.
    setTimeout(() => (pauseRef.current ?? titleRef.current)?.focus(), 0);
  };

  return (
    <div className={styles.root} style={style} data-testid="throttling-event-panel">
      <div className={styles.content}>
        <div className={styles.header}>
          <Text as="h2" weight="semibold" size={500} className={styles.title} ref={titleRef} tabIndex={-1}>
            {t("Title")}
          </Text>
          <Badge appearance="filled" color={state.source === "simulated" ? "warning" : "brand"}>
            {state.source === "simulated" ? t("Source_Simulated") : t("Source_Live")}
          </Badge>
          <Badge
            appearance="outline"
            color={state.status === "ok" && !state.paused ? "success" : state.status === "loading" ? "informative" : "danger"}
          >
            {statusText}
          </Badge>
          {/* The label says what the button does; no pressed state on top of it. */}
          <Button ref={pauseRef} onClick={() => props.onPause(!state.paused)} disabled={unavailable}>
            {state.paused ? t("Button_Resume") : t("Button_Pause")}
          </Button>
        </div>
        <Caption1>{snap ? t("LastUpdated", { time: formatters.time(new Date(snap.updatedAt), true) }) : t("LastUpdated_Never")}</Caption1>
        <div className={styles.visuallyHidden} role="status" aria-live="polite">
          {state.announcement?.key === "Announce_Throttled"
            ? t("Announce_Throttled", { duration: seconds(Number(state.announcement.values?.seconds ?? 0)) })
            : message(t, state.announcement)}
        </div>

        <div className={styles.messages}>
          {unavailable ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("Unavailable_Title")}</MessageBarTitle>
                {t("Unavailable_Body")}{" "}
                <Button size="small" onClick={useSimulation}>
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
          {state.status === "throttled" ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("OwnThrottled_Title")}</MessageBarTitle>
                <span data-testid="own-countdown">
                  {ownLeft > 0 ? t("OwnThrottled_Body", { duration: seconds(ownLeft) }) : t("OwnThrottled_Retrying")}
                </span>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.status === "error" ? (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t("Error_Title")}</MessageBarTitle>
                {message(t, state.error)} {t("Error_Retrying")} {snap ? t("Error_KeepingData") : ""}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.prioritiesError ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t("PrioritiesError_Title")}</MessageBarTitle>
                {message(t, state.prioritiesError)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {state.actionError ? (
            <MessageBar intent="error">
              <MessageBarBody>{t("ActionError", { detail: message(t, state.actionError) })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {state.pollClamped && state.source === "live" ? (
            <Caption1>{t("Poll_Clamped", { duration: seconds(state.pollSeconds) })}</Caption1>
          ) : null}
          {snap && snap.skippedRows > 0 ? (
            <Caption1>{plural("SkippedRows", snap.skippedRows, { count: formatters.integer(snap.skippedRows) })}</Caption1>
          ) : null}
          {snap?.notes?.map((n) => (
            <Caption1 key={n.key}>
              {message(t, {
                key: n.key,
                values: n.values
                  ? Object.fromEntries(Object.entries(n.values).map(([k, v]) => [k, typeof v === "number" ? formatters.integer(v) : v]))
                  : undefined,
              })}
            </Caption1>
          ))}
          {state.source === "live" && (state.readDepth === "user" || state.readDepth === "businessUnit" || state.readDepth === "none") ? (
            <Caption1>{t(`ReadDepth_${state.readDepth}`)}</Caption1>
          ) : null}
        </div>

        {snap ? (
          <div className={styles.grid}>
            <Section title={t("Section_Headroom")}>
              {denied("headroom") ? <DeniedNote lang={lang} denied={denied("headroom") as { table: string; privilege: string }} /> : null}
              {snap.headroomUnavailable ? (
                <Caption1>{t("Headroom_NoClientUrl")}</Caption1>
              ) : (
                <HeadroomGauges headroom={snap.headroom} lang={lang} />
              )}
              <Caption1>{state.source === "live" ? t("Headers_Caveat") : t("Headers_CaveatSimulated")}</Caption1>
            </Section>
            <Section title={t("Section_Traffic")}>
              <Sparkline requests={snap.series.requests} throttled={snap.series.throttled} lang={lang} />
            </Section>
            <Section title={t("Section_Throttled")}>
              <ThrottledCalls calls={snap.throttledCalls} now={state.now} lang={lang} />
            </Section>
            <Section title={t("Section_Priorities")} wide>
              <PriorityTable rows={state.priorities} lang={lang} hasError={state.prioritiesError !== undefined} />
            </Section>
            <Section title={t("Section_Delivery")} wide>
              {denied("delivery") ? <DeniedNote lang={lang} denied={denied("delivery") as { table: string; privilege: string }} /> : null}
              <EventDelivery endpoints={snap.endpoints} failures={snap.failures} lang={lang} showFailures={denied("jobs") === undefined} />
            </Section>
            <Section title={t("Section_Jobs")} wide>
              {denied("jobs") ? (
                <DeniedNote lang={lang} denied={denied("jobs") as { table: string; privilege: string }} />
              ) : (
                <SystemJobs jobs={snap.jobs} canAct={canAct} busyJobId={state.busyJobId} onAction={props.onAction} lang={lang} />
              )}
            </Section>
          </div>
        ) : state.status === "loading" || state.status === "throttled" || state.status === "error" ? (
          <Body1>{t("Waiting_FirstData")}</Body1>
        ) : null}
      </div>
    </div>
  );
};
