/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    anchor: ComponentFramework.PropertyTypes.StringProperty;
    source: ComponentFramework.PropertyTypes.EnumProperty<"live" | "simulated">;
    pollIntervalSeconds: ComponentFramework.PropertyTypes.WholeNumberProperty;
    timeWindowMinutes: ComponentFramework.PropertyTypes.WholeNumberProperty;
    appPriorities: ComponentFramework.PropertyTypes.StringProperty;
}
export interface IOutputs {
    anchor?: string;
}
