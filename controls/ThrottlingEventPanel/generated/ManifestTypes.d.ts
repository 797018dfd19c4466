/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    value: ComponentFramework.PropertyTypes.StringProperty;
    decision: ComponentFramework.PropertyTypes.StringProperty;
    appFamilies: ComponentFramework.PropertyTypes.EnumProperty<"all" | "fo-cross" | "ce-cross" | "fo" | "ce" | "cross">;
    defaultView: ComponentFramework.PropertyTypes.EnumProperty<"advisor" | "compare" | "budget">;
    anchor: ComponentFramework.PropertyTypes.StringProperty;
    source: ComponentFramework.PropertyTypes.EnumProperty<"live" | "simulated">;
    pollIntervalSeconds: ComponentFramework.PropertyTypes.WholeNumberProperty;
    timeWindowMinutes: ComponentFramework.PropertyTypes.WholeNumberProperty;
    appPriorities: ComponentFramework.PropertyTypes.StringProperty;
}
export interface IOutputs {
    value?: string;
    decision?: string;
    anchor?: string;
}
