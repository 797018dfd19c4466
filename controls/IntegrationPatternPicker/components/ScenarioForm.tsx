/** @jsx h */
import * as React from "react";
import { Button, Checkbox, Field, Select } from "@fluentui/react-components";
import {
  DEPLOYMENTS,
  DIRECTIONS,
  INITIATORS,
  INTEGRATION_KINDS,
  REQUIREMENTS,
  SCENARIO_APPS,
  TIMINGS,
  TRIGGER_KINDS,
  VOLUMES,
  type Requirement,
  type Scenario,
  type ScenarioApp,
} from "@integrationkit/shared";
import { optionLabel, questionLabel, type T } from "./text";
import { h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  needs: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))" },
});

type SingleKey = "kind" | "direction" | "timing" | "volume" | "trigger" | "initiatedBy" | "deployment";

const SINGLE_QUESTIONS: { key: SingleKey; options: readonly string[] }[] = [
  { key: "kind", options: INTEGRATION_KINDS },
  { key: "direction", options: DIRECTIONS },
  { key: "timing", options: TIMINGS },
  { key: "volume", options: VOLUMES },
  { key: "trigger", options: TRIGGER_KINDS },
  { key: "initiatedBy", options: INITIATORS },
  { key: "deployment", options: DEPLOYMENTS },
];

interface ScenarioFormProps {
  t: T;
  scenario: Scenario;
  onChange: (scenario: Scenario) => void;
}

function toggle<T>(list: readonly T[] | undefined, item: T, on: boolean): T[] | undefined {
  const rest = (list ?? []).filter((x) => x !== item);
  const next = on ? [...rest, item] : rest;
  return next.length > 0 ? next : undefined;
}

/** Plain-language questions; every answer may stay "not sure", which the advisor ignores. */
export const ScenarioForm: React.FC<ScenarioFormProps> = ({ t, scenario, onChange }) => {
  const styles = useStyles();
  const setSingle = (key: SingleKey, value: string): void => {
    const next: Record<string, unknown> = { ...scenario };
    if (value === "") delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const setApp = (app: ScenarioApp, on: boolean): void => {
    const next: Scenario = { ...scenario, apps: toggle(scenario.apps, app, on) };
    if (!next.apps) delete next.apps;
    onChange(next);
  };
  const setRequirement = (req: Requirement, on: boolean): void => {
    const next: Scenario = { ...scenario, requirements: toggle(scenario.requirements, req, on) };
    if (!next.requirements) delete next.requirements;
    onChange(next);
  };

  return (
    <form className={styles.form} aria-label={t("Scenario_FormLabel")} onSubmit={(e) => e.preventDefault()}>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("Question_apps")}</legend>
        {SCENARIO_APPS.map((app) => (
          <Checkbox
            key={app}
            label={optionLabel(t, "apps", app)}
            checked={scenario.apps?.includes(app) ?? false}
            onChange={(_e, data) => setApp(app, data.checked === true)}
          />
        ))}
      </fieldset>
      {SINGLE_QUESTIONS.map(({ key, options }) => (
        <Field key={key} label={questionLabel(t, key)} hint={t(`Hint_${key}`)}>
          <Select value={(scenario[key] as string | undefined) ?? ""} onChange={(_e, data) => setSingle(key, data.value)}>
            <option value="">{t("Option_unknown")}</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {optionLabel(t, key, o)}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("Question_requirements")}</legend>
        <div className={styles.needs}>
          {REQUIREMENTS.map((req) => (
            <Checkbox
              key={req}
              label={optionLabel(t, "requirements", req)}
              checked={scenario.requirements?.includes(req) ?? false}
              onChange={(_e, data) => setRequirement(req, data.checked === true)}
            />
          ))}
        </div>
      </fieldset>
      <div>
        <Button onClick={() => onChange({})}>{t("Action_ResetScenario")}</Button>
      </div>
    </form>
  );
};
