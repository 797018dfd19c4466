export * from "./strings";
export * from "./access";
export * from "./size";
export * from "./locale";
export * from "./formatters";
