// Key Vault for the few secrets (Direct Line secret, webhook signing secret). RBAC only, no access
// policies; the function app reads secrets through Key Vault references resolved with the managed
// identity (Key Vault Secrets User on this vault). Secrets are set by operators after deployment,
// never by this template.

@description('Key Vault name (3-24 letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends. Cannot be turned off once on.')
param enablePurgeProtection bool

@description('Principal (object) id of the managed identity that reads secrets.')
param principalId string

// Built-in role: Key Vault Secrets User (read secret values only).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API refuses `false` once purge protection was on: omit it instead.
    enablePurgeProtection: enablePurgeProtection ? true : null
    // Flex Consumption resolves Key Vault references only for vaults without network restrictions.
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
