export * from "./strings";
export * from "./access";
