/** Queries for the ranked pattern list and the chosen-pattern status line, shared by the picker tests. */
import { screen, within } from "@testing-library/react";

function list(name = "Patterns ranked by fit"): HTMLElement {
  return screen.getByRole("list", { name });
}
export function items(name?: string): HTMLElement[] {
  const ol = list(name);
  return within(ol)
    .getAllByRole("listitem")
    .filter((li) => li.parentElement === ol);
}
export function titles(): string[] {
  return items().map((li) => li.querySelector("h3")?.textContent ?? "");
}
export function chosenStatus(): string {
  return screen.getByText("Chosen pattern:").parentElement?.textContent ?? "";
}
