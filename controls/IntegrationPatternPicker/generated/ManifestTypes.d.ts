/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    value: ComponentFramework.PropertyTypes.StringProperty;
    decision: ComponentFramework.PropertyTypes.StringProperty;
    appFamilies: ComponentFramework.PropertyTypes.EnumProperty<"all" | "fo-cross" | "ce-cross" | "fo" | "ce" | "cross">;
    defaultView: ComponentFramework.PropertyTypes.EnumProperty<"advisor" | "compare" | "budget">;
}
export interface IOutputs {
    value?: string;
    decision?: string;
}
