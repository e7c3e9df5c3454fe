// Flex Consumption plan + function app running Chatbot.Functions as a .NET 10 isolated worker
// (published ReadyToRun, framework-dependent; docs/decisions/015). Every connection is
// identity-based: no storage key, no connection string with a key, no app password.

@description('Name of the function app (also its <name>.azurewebsites.net host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region (must offer Flex Consumption).')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account used by the host, the deployment package and the app.')
param storageAccountName string

@description('Primary blob endpoint of that account (https://<account>.blob.<suffix>/).')
param blobEndpoint string

@description('Primary queue endpoint of that account.')
param queueEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights component receiving the host telemetry and the worker\'s logs (sent through the host).')
param appInsightsName string

@description('Key Vault holding the secrets behind the Key Vault references.')
param keyVaultName string

@description('App settings resolved from Key Vault: each NAME__PART reads the secret NAME--PART.')
param secretSettingNames array

@description('Direct Line endpoint the token exchange calls (regional for a regional bot).')
param directLineEndpoint string

@description('Largest number of instances (Flex Consumption accepts 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Origins of hospital pages that call /api/directline/token from the browser (CORS); empty for none.')
param corsAllowedOrigins array

@description('Further non-secret app settings (e.g. Notifications__Webhook__Url, Staff__Entra__Authority).')
param extraAppSettings object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// App settings are case-insensitive, so one `Storage__*` set serves both the app's own options
// (Provider, AccountName, ClientId) and the `notify` queue trigger's identity-based connection
// named `Storage` (queueServiceUri, credential, clientId).
var identitySettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  Storage__Provider: 'AzureStorage'
  Storage__AccountName: storageAccountName
  Storage__clientId: identityClientId
  Storage__credential: 'managedidentity'
  Storage__queueServiceUri: queueEndpoint
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  MicrosoftAppId: identityClientId
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppTenantId: tenant().tenantId
  DirectLine__Endpoint: directLineEndpoint
}

// Key Vault secret names allow no underscore: DirectLine__Secret reads the secret DirectLine--Secret.
var secretSettings = toObject(
  secretSettingNames,
  setting => setting,
  setting => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${replace(setting, '__', '--')})'
)

var appSettings = union(extraAppSettings, secretSettings, identitySettings)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The .NET isolated worker on .NET 10 (FUNCTIONS_WORKER_RUNTIME=dotnet-isolated): Flex derives
      // the worker runtime from here, so that app setting must not be set.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Only the hospital pages that render Web Chat themselves fetch the token cross-origin.
      cors: empty(corsAllowedOrigins)
        ? null
        : {
            allowedOrigins: corsAllowedOrigins
          }
      appSettings: concat(map(items(appSettings), setting => { name: setting.key, value: setting.value }), [
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ])
    }
  }
}

// Deployments authenticate with Microsoft Entra ID (az login); basic publishing credentials are off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
