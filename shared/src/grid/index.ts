export * from "./columnWidths";
