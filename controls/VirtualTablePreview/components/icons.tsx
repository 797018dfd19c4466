/** @jsx h */
import * as React from "react";
import { h } from "../../common/jsx";

/*
 * Small inline SVG icons in the text colour (currentColor): they render in every font and theme, and
 * cost a few hundred bytes instead of an icon package (the platform's Fluent library does not carry
 * @fluentui/react-icons, so each one would be bundled with its helpers).
 */

interface IconProps {
  className?: string;
  /** A tooltip for pointer users; the meaning is also in the header's description for screen readers. */
  title?: string;
}

/** A funnel: the column has a filter. */
export function FilterIcon({ className, title }: IconProps): React.ReactElement {
  return (
    <span className={className} title={title} aria-hidden="true" data-icon="filter">
      <svg width="12" height="12" viewBox="0 0 16 16" focusable="false">
        <path
          d="M1.5 2h13a.5.5 0 0 1 .4.8L10 9.2V14a.5.5 0 0 1-.8.4l-2.5-1.9a.5.5 0 0 1-.2-.4V9.2L1.1 2.8A.5.5 0 0 1 1.5 2Z"
          fill="currentColor"
        />
      </svg>
    </span>
  );
}

/** An arrow up (ascending) or down (descending). */
export function SortIcon({ className, descending }: IconProps & { descending: boolean }): React.ReactElement {
  return (
    <span className={className} aria-hidden="true" data-icon={descending ? "sort-descending" : "sort-ascending"}>
      <svg width="12" height="12" viewBox="0 0 16 16" focusable="false" style={descending ? { transform: "rotate(180deg)" } : undefined}>
        <path d="M8 2.5 3 7.5h3.5V14h3V7.5H13L8 2.5Z" fill="currentColor" />
      </svg>
    </span>
  );
}

/** A chevron that turns when the section it labels opens. */
export function ChevronIcon({ className, open, mirrored }: IconProps & { open: boolean; mirrored: boolean }): React.ReactElement {
  // Closed, it points along the reading direction (to the left in right-to-left layouts); open, down.
  const transform = open ? "rotate(90deg)" : mirrored ? "rotate(180deg)" : undefined;
  return (
    <span className={className} aria-hidden="true">
      <svg width="12" height="12" viewBox="0 0 16 16" focusable="false" style={{ transform, transition: "transform 0.1s" }}>
        <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </span>
  );
}
