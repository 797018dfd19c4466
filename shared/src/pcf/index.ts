export * from "./strings";
export * from "./access";
export * from "./size";
