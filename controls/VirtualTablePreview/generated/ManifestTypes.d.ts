/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    pageSize: ComponentFramework.PropertyTypes.WholeNumberProperty;
    density: ComponentFramework.PropertyTypes.EnumProperty<"compact" | "normal" | "comfortable">;
    showDiagnostics: ComponentFramework.PropertyTypes.TwoOptionsProperty;
    records: ComponentFramework.PropertyTypes.DataSet;
}
export interface IOutputs {
}
