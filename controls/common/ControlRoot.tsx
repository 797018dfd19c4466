/** @jsx h */
import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { h } from "./jsx";
import { makeStyles, tokens } from "./fluent";

interface ControlRootStrings {
  /** Title of the message shown when the control fails to render, e.g. "This control hit a problem". */
  errorTitle: string;
  /** What the user can do; the form and its data are not affected. */
  errorBody: string;
  /** Label of the button that renders the control again. */
  retry: string;
}

interface ControlRootProps {
  /** The host's theme (`context.fluentDesignLanguage?.tokenTheme`); Fluent's web light theme when absent. */
  theme?: Theme;
  /** Text direction from `context.userSettings.isRTL`. */
  dir: "ltr" | "rtl";
  strings: ControlRootStrings;
  className?: string;
  style?: React.CSSProperties;
  /** Called with each render error (after it is shown), for diagnostics. */
  onError?: (error: unknown) => void;
  children?: React.ReactNode;
}

const useStyles = makeStyles({
  scope: {
    // Layout-neutral: the wrapper only scopes the rules below.
    display: "contents",
    // Inherited by the content: the start side of the user's reading direction.
    textAlign: "start",
    // Hosts and the test harness style bare elements (headings, labels, table cells); inside the
    // control every text colour comes from the theme's tokens through the provider instead.
    // :where() keeps the specificity of a single class, so Fluent components' own colours still win.
    ...Object.fromEntries(
      ["h1", "h2", "h3", "h4", "h5", "h6", "p", "label", "legend", "caption", "th", "td", "dt", "dd", "li", "figcaption"].map((tag) => [
        `& :where(${tag})`,
        { color: "inherit" },
      ]),
    ),
  },
  fallback: { padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground1 },
});

/**
 * The root of every IntegrationKit control: the host's Fluent theme and text direction (the test
 * harness and some hosts provide no FluentProvider), and an error boundary so a render error shows a
 * localized message with a retry instead of a blank form section.
 */
export function ControlRoot(props: ControlRootProps): React.ReactElement {
  return (
    <FluentProvider theme={props.theme ?? webLightTheme} dir={props.dir} className={props.className} style={props.style}>
      <Scoped strings={props.strings} onError={props.onError}>
        {props.children}
      </Scoped>
    </FluentProvider>
  );
}

/** Inside the provider, so Griffel computes the classes for the user's direction. */
function Scoped(props: Pick<ControlRootProps, "strings" | "onError" | "children">): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.scope}>
      <ControlErrorBoundary strings={props.strings} onError={props.onError} fallbackClassName={styles.fallback}>
        {props.children}
      </ControlErrorBoundary>
    </div>
  );
}

interface BoundaryProps {
  strings: ControlRootStrings;
  onError?: (error: unknown) => void;
  fallbackClassName?: string;
  children?: React.ReactNode;
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
  /** Changes on retry so the children mount afresh. */
  attempt: number;
}

class ControlErrorBoundary extends React.Component<BoundaryProps, BoundaryState> {
  public override state: BoundaryState = { error: undefined, failed: false, attempt: 0 };
  private readonly retryRef = React.createRef<HTMLButtonElement>();

  public static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  public override componentDidCatch(error: unknown): void {
    // Kept visible for the maker's browser tools; the user sees the localized message.
    console.error("IntegrationKit control failed to render", error);
    this.props.onError?.(error);
  }

  public override componentDidMount(): void {
    // A failure on the first render mounts the message directly.
    if (this.state.failed) this.retryRef.current?.focus();
  }

  public override componentDidUpdate(_: BoundaryProps, previous: BoundaryState): void {
    // Keyboard users land on the way out rather than on the page.
    if (this.state.failed && !previous.failed) this.retryRef.current?.focus();
  }

  private readonly retry = (): void => {
    this.setState((s) => ({ error: undefined, failed: false, attempt: s.attempt + 1 }));
  };

  public override render(): React.ReactNode {
    const { strings } = this.props;
    if (this.state.failed) {
      return (
        <div className={this.props.fallbackClassName}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>
              {strings.errorBody}
            </MessageBarBody>
            <MessageBarActions>
              <Button ref={this.retryRef} onClick={this.retry}>
                {strings.retry}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      );
    }
    return <React.Fragment key={this.state.attempt}>{this.props.children}</React.Fragment>;
  }
}
